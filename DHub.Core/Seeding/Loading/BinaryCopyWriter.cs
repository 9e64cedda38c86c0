using System.Buffers.Binary;
using System.Text;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Loading;

/// <summary>
/// Writes rows in PostgreSQL's binary COPY format onto a raw COPY stream
/// (<c>NpgsqlConnection.BeginRawBinaryCopy</c>), for the seven column types the demo schema uses.
/// </summary>
/// <remarks>
/// Why not <c>NpgsqlBinaryImporter</c>: it binds a parameter and resolves a converter for every
/// value, through an async state machine. In a profile of a scale-10 seed that was about half of the
/// loader thread once the generators stopped waiting on Bogus (docs/performance.md). The format is
/// small and fixed (a header, then per row a field count and length-prefixed big-endian values, then
/// a trailer; see "COPY ... Binary Format" in the PostgreSQL manual), and every encoder here is
/// checked against Npgsql's own reading of the value by <c>BinaryCopyWriterTests</c>. Methods keep the
/// importer's shape (value, <see cref="NpgsqlDbType"/>) so a row writer reads the same either way;
/// a type this writer cannot encode throws instead of sending bytes the server would misread.
/// </remarks>
public sealed class BinaryCopyWriter
{
    private const int BufferSize = 64 * 1024;

    // "PGCOPY\n\377\r\n\0", then a flags field and a header-extension length, both zero.
    private static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1).Ticks;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly short _fieldCount;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _position;
    private int _fieldsInRow = -1;

    /// <param name="stream">The raw COPY stream; this writer never disposes it.</param>
    /// <param name="fieldCount">Columns per row, as listed in the COPY statement.</param>
    public BinaryCopyWriter(Stream stream, int fieldCount)
    {
        _stream = stream;
        _fieldCount = checked((short)fieldCount);
        Header.CopyTo(_buffer);
        _position = Header.Length;
    }

    public void StartRow()
    {
        EndRow();
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_position), _fieldCount);
        _position += 2;
        _fieldsInRow = 0;
    }

    /// <summary>Ends the data with the trailer and sends what is buffered; the caller then ends the COPY.</summary>
    public void Complete()
    {
        EndRow();
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_position), -1);
        _position += 2;
        Flush();
    }

    public void WriteNull()
    {
        Field(0);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), -1);
        _position += 4;
    }

    public void Write(string value, NpgsqlDbType type)
    {
        var jsonb = type switch
        {
            NpgsqlDbType.Varchar or NpgsqlDbType.Text => false,
            NpgsqlDbType.Jsonb => true,
            _ => throw Unsupported(typeof(string), type),
        };

        // jsonb's binary form is a version byte (1) followed by the JSON text.
        var prefix = jsonb ? 1 : 0;
        var maxBytes = Utf8.GetMaxByteCount(value.Length) + prefix;
        if (maxBytes > BufferSize - 8)
        {
            WriteLarge(value, jsonb);
            return;
        }

        Field(maxBytes);
        var span = _buffer.AsSpan(_position + 4);
        if (jsonb)
        {
            span[0] = 1;
        }

        var length = prefix + Utf8.GetBytes(value, span[prefix..]);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), length);
        _position += 4 + length;
    }

    public void WriteText(string? value, NpgsqlDbType type = NpgsqlDbType.Varchar)
    {
        if (value is null)
        {
            WriteNull();
        }
        else
        {
            Write(value, type);
        }
    }

    public void Write(int value, NpgsqlDbType type)
    {
        Expect(typeof(int), type, NpgsqlDbType.Integer);
        Field(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), 4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position + 4), value);
        _position += 8;
    }

    public void Write(bool value, NpgsqlDbType type)
    {
        Expect(typeof(bool), type, NpgsqlDbType.Boolean);
        Field(1);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), 1);
        _buffer[_position + 4] = value ? (byte)1 : (byte)0;
        _position += 5;
    }

    /// <summary>A <c>date</c>: days since 2000-01-01.</summary>
    public void Write(DateOnly value, NpgsqlDbType type)
    {
        Expect(typeof(DateOnly), type, NpgsqlDbType.Date);
        Field(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), 4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position + 4), value.DayNumber - PostgresEpochDay);
        _position += 8;
    }

    /// <summary>A <c>timestamp</c> (without time zone): microseconds since 2000-01-01 00:00, the value's wall-clock time.</summary>
    public void Write(DateTime value, NpgsqlDbType type)
    {
        Expect(typeof(DateTime), type, NpgsqlDbType.Timestamp);
        Field(8);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), 8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_position + 4), (value.Ticks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
        _position += 12;
    }

    /// <summary>
    /// A <c>numeric</c>: digit count, weight, sign and display scale (int16 each), then the digits in
    /// base 10,000, most significant first, the decimal point falling between two of them.
    /// </summary>
    public void Write(decimal value, NpgsqlDbType type)
    {
        Expect(typeof(decimal), type, NpgsqlDbType.Numeric);
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var negative = bits[3] < 0;
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];

        // Pad the fraction to whole base-10,000 digits: 12.3 (123, scale 1) becomes 123000 with four fraction digits.
        var fractionGroups = (scale + 3) / 4;
        mantissa *= (uint)Pow10[(fractionGroups * 4) - scale];

        // 29 significant decimal digits plus up to 3 of padding fit in 8 groups.
        Span<short> groups = stackalloc short[8];
        var count = 0;
        while (mantissa > ulong.MaxValue)
        {
            groups[count++] = (short)(ulong)(mantissa % 10000);
            mantissa /= 10000;
        }

        // Amounts fit in 64 bits, where dividing by a constant compiles to a multiplication; 128-bit division is a call.
        for (var rest = (ulong)mantissa; rest != 0; rest /= 10000)
        {
            groups[count++] = (short)(rest % 10000);
        }

        var lowest = 0;
        while (lowest < count && groups[lowest] == 0)
        {
            lowest++; // trailing zero groups are implied by the weight
        }

        var digits = count - lowest;
        var weight = digits == 0 ? 0 : count - 1 - fractionGroups;
        var length = 8 + (2 * digits);
        Field(length);
        var span = _buffer.AsSpan(_position);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)digits);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)weight);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], negative && digits > 0 ? (ushort)0x4000 : (ushort)0);
        BinaryPrimitives.WriteInt16BigEndian(span[10..], (short)scale);
        for (var i = 0; i < digits; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(span[(12 + (2 * i))..], groups[count - 1 - i]);
        }

        _position += 4 + length;
    }

    // One overload per nullable type the schema uses: a generic T? would box or need a type switch per value.
    public void WriteNullable(DateOnly? value, NpgsqlDbType type)
    {
        if (value is { } v) { Write(v, type); } else { WriteNull(); }
    }

    public void WriteNullable(DateTime? value, NpgsqlDbType type)
    {
        if (value is { } v) { Write(v, type); } else { WriteNull(); }
    }

    public void WriteNullable(decimal? value, NpgsqlDbType type)
    {
        if (value is { } v) { Write(v, type); } else { WriteNull(); }
    }

    public void WriteNullable(int? value, NpgsqlDbType type)
    {
        if (value is { } v) { Write(v, type); } else { WriteNull(); }
    }

    private static readonly int[] Pow10 = [1, 10, 100, 1000];

    private void WriteLarge(string value, bool jsonb)
    {
        var bytes = Utf8.GetBytes(value);
        var length = bytes.Length + (jsonb ? 1 : 0);
        Field(0);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), length);
        _position += 4;
        if (jsonb)
        {
            Reserve(1);
            _buffer[_position++] = 1;
        }

        Flush();
        _stream.Write(bytes);
    }

    /// <summary>Counts a field of the current row and makes room for its length word and <paramref name="bytes"/>.</summary>
    private void Field(int bytes)
    {
        if (_fieldsInRow < 0)
        {
            throw new InvalidOperationException("StartRow must be called before the first value of a row.");
        }

        if (++_fieldsInRow > _fieldCount)
        {
            throw new InvalidOperationException($"A row was given more than the {_fieldCount} values the COPY lists.");
        }

        Reserve(4 + bytes);
    }

    private void EndRow()
    {
        if (_fieldsInRow >= 0 && _fieldsInRow != _fieldCount)
        {
            throw new InvalidOperationException($"A row was given {_fieldsInRow} values; the COPY lists {_fieldCount}.");
        }
    }

    private void Reserve(int bytes)
    {
        if (_position + bytes > BufferSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _position);
        _position = 0;
    }

    private static void Expect(Type clrType, NpgsqlDbType actual, NpgsqlDbType expected)
    {
        if (actual != expected)
        {
            throw Unsupported(clrType, actual);
        }
    }

    private static NotSupportedException Unsupported(Type clrType, NpgsqlDbType type) =>
        new($"The binary COPY writer does not encode {clrType.Name} as {type}.");
}
