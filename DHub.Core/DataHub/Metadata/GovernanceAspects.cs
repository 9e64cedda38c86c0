using System.Globalization;
using System.Text.Json.Nodes;
using DHub.Core.DataHub.Catalog;
using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Metadata;

/// <summary>
/// The governance entities (domains, glossary nodes and terms, tags, structured property
/// definitions) and the governance aspects DHub attaches to assets (domains, ownership, globalTags).
/// </summary>
internal static class GovernanceAspects
{
    public static void AddDomain(ProposalList list, DomainDefinition domain)
    {
        var properties = new JsonObject { ["name"] = domain.Name };
        if (domain.Description.Length > 0)
        {
            properties["description"] = domain.Description;
        }

        if (domain.ParentId is not null)
        {
            properties["parentDomain"] = DataHubUrns.Domain(domain.ParentId);
        }

        list.Add(EntityTypes.Domain, DataHubUrns.Domain(domain.Id), "domainProperties", properties);
    }

    public static void AddGlossaryNode(ProposalList list, GlossaryNodeDefinition node)
    {
        var info = new JsonObject { ["name"] = node.Name, ["definition"] = node.Definition };
        if (node.ParentId is not null)
        {
            info["parentNode"] = DataHubUrns.GlossaryNode(node.ParentId);
        }

        list.Add(EntityTypes.GlossaryNode, DataHubUrns.GlossaryNode(node.Id), "glossaryNodeInfo", info);
    }

    public static void AddGlossaryTerm(ProposalList list, GlossaryTermDefinition term)
    {
        var urn = DataHubUrns.GlossaryTerm(term.Id);
        list.Add(EntityTypes.GlossaryTerm, urn, "glossaryTermInfo", new JsonObject
        {
            ["name"] = term.Name,
            ["definition"] = term.Definition,
            ["termSource"] = "INTERNAL",
            ["parentNode"] = DataHubUrns.GlossaryNode(term.ParentNodeId),
        });
        list.Add(EntityTypes.GlossaryTerm, urn, "domains", Domains(term.DomainId));
    }

    public static void AddTag(ProposalList list, TagDefinition tag)
    {
        var properties = new JsonObject { ["name"] = tag.Name };
        if (tag.Description.Length > 0)
        {
            properties["description"] = tag.Description;
        }

        list.Add(EntityTypes.Tag, DataHubUrns.Tag(tag.Id), "tagProperties", properties);
    }

    public static void AddStructuredProperty(ProposalList list, StructuredPropertyDefinition property)
    {
        var definition = new JsonObject
        {
            ["qualifiedName"] = property.QualifiedName,
            ["displayName"] = property.DisplayName,
            ["description"] = property.Description,
            ["valueType"] = DataHubUrns.DataType(property.ValueType),
            ["cardinality"] = property.Cardinality,
            ["entityTypes"] = new JsonArray(property.EntityTypes.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
        };
        if (property.AllowedValues.Count > 0)
        {
            definition["allowedValues"] = new JsonArray(property.AllowedValues.Select(v =>
            {
                var allowed = new JsonObject { ["value"] = PropertyValue(property.ValueType, v.Value) };
                if (v.Description is not null)
                {
                    allowed["description"] = v.Description;
                }

                return (JsonNode)allowed;
            }).ToArray());
        }

        list.Add(EntityTypes.StructuredProperty, DataHubUrns.StructuredProperty(property.Id), "propertyDefinition", definition);
    }

    /// <summary>A PropertyValue union: <c>{"double": n}</c> for numbers, <c>{"string": s}</c> otherwise.</summary>
    public static JsonObject PropertyValue(string valueType, string value) =>
        valueType == "number" && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new JsonObject { ["double"] = number }
            : new JsonObject { ["string"] = value };

    public static JsonObject Domains(string domainId) => new() { ["domains"] = new JsonArray(DataHubUrns.Domain(domainId)) };

    public static JsonObject Ownership(IEnumerable<OwnerAssignment> owners, AuditStamp stamp) => new()
    {
        ["owners"] = new JsonArray(owners.Select(o => (JsonNode)new JsonObject { ["owner"] = o.OwnerUrn, ["type"] = o.Type }).ToArray()),
        ["lastModified"] = stamp.ToJson(),
    };

    public static JsonObject GlobalTags(IEnumerable<string> tagIds) => new()
    {
        ["tags"] = new JsonArray(tagIds.Select(t => (JsonNode)new JsonObject { ["tag"] = DataHubUrns.Tag(t) }).ToArray()),
    };

    public static JsonObject GlossaryTerms(IEnumerable<string> termIds, AuditStamp stamp) => new()
    {
        ["terms"] = new JsonArray(termIds.Select(t => (JsonNode)new JsonObject { ["urn"] = DataHubUrns.GlossaryTerm(t) }).ToArray()),
        ["auditStamp"] = stamp.ToJson(),
    };

    public static JsonObject Status(bool removed) => new() { ["removed"] = removed };
}
