using System.IO.Pipelines;
using System.Text.Json;
using DHub.Api.Contracts;
using DHub.Core.Databases;

namespace DHub.Api.Databases;

/// <summary>
/// The JSON answer of a query, <c>{columns, rows, rowCount, truncated}</c>, serialized row by row as
/// the runner reads them, into pooled segments, and sent once the last row is in. Holding the
/// answer until then is deliberate: past <see cref="MaxResultBytes"/> the answer must be a 413
/// ProblemDetails, and a status can only be chosen before the first byte goes out. So the memory
/// of a query is bounded by the limit (plus one row), never by what the SQL asks for, and a client
/// never receives a 200 that stops halfway.
/// </summary>
public sealed class QueryResponseBuffer : IQueryResultSink, IAsyncDisposable
{
    // No back-pressure: nothing reads until the result is complete, and the size check bounds the writer.
    private readonly Pipe _pipe = new(new PipeOptions(
        pauseWriterThreshold: 0, resumeWriterThreshold: 0, minimumSegmentSize: 64 * 1024, useSynchronizationContext: false));
    private const int SegmentChars = 4096;

    private readonly Utf8JsonWriter _json;
    private readonly JsonSerializerOptions _options;
    private readonly long _maxBytes;
    private bool _begun;

    public QueryResponseBuffer(long maxBytes, JsonSerializerOptions options)
    {
        _maxBytes = maxBytes;
        _options = options;
        _json = new Utf8JsonWriter(_pipe.Writer);
    }

    public void BeginRows(IReadOnlyList<QueryColumn> columns)
    {
        _json.WriteStartObject();
        _json.WritePropertyName(Name(nameof(QueryResponse.Columns)));
        JsonSerializer.Serialize(_json, columns, _options);
        _json.WritePropertyName(Name(nameof(QueryResponse.Rows)));
        _json.WriteStartArray();
        _begun = true;
    }

    public void AddRow(object?[] values)
    {
        _json.WriteStartArray();
        foreach (var value in values)
        {
            if (value is string { Length: > SegmentChars } text)
            {
                WriteLongString(text);
            }
            else
            {
                JsonSerializer.Serialize(_json, value, _options);
            }
        }

        _json.WriteEndArray();
        _json.Flush();
        RequireWithinLimit();
    }

    /// <summary>
    /// Writes a long text in pieces: in one piece the writer asks for three bytes per character of
    /// contiguous memory at once, and a 16 MB value would take a 48 MB block.
    /// </summary>
    private void WriteLongString(string text)
    {
        for (var start = 0; start < text.Length; start += SegmentChars)
        {
            var length = Math.Min(SegmentChars, text.Length - start);
            _json.WriteStringValueSegment(text.AsSpan(start, length), isFinalSegment: start + length == text.Length);
            RequireWithinLimit();
        }
    }

    private void RequireWithinLimit()
    {
        if (_json.BytesCommitted + _json.BytesPending > _maxBytes)
        {
            throw QueryFailedException.ResultTooLarge(_maxBytes);
        }
    }

    /// <summary>Closes the JSON document and sends it as a 200.</summary>
    public async Task SendAsync(HttpResponse response, QuerySummary summary, CancellationToken cancellationToken)
    {
        if (!_begun)
        {
            BeginRows([]);
        }

        _json.WriteEndArray();
        _json.WriteNumber(Name(nameof(QueryResponse.RowCount)), summary.RowCount);
        _json.WriteBoolean(Name(nameof(QueryResponse.Truncated)), summary.Truncated);
        _json.WriteEndObject();
        await _json.FlushAsync(cancellationToken);
        await _pipe.Writer.CompleteAsync();

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = _json.BytesCommitted;
        await _pipe.Reader.CopyToAsync(response.Body, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _pipe.Writer.CompleteAsync();
        await _pipe.Reader.CompleteAsync();
    }

    private string Name(string property) => _options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
