using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Astropal.Web.Features.OperatorApi;

/// <summary>Titles the document and declares the operator API's bearer keys on every <c>/api/ops</c> operation.</summary>
internal sealed class OperatorApiDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string SchemeId = "OperatorApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "Astropal API";
        document.Info.Description =
            "The public sign-up API (/api/readers) and the operator API (/api/ops). Operator calls need " +
            "Authorization: Bearer KEY with a key from `create-api-key` or the console's account page; errors are problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An operator API key (ap_...). The operator's role applies; a revoked key or a disabled operator gets 401.",
        };

        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith(OperatorApiEndpoints.Prefix + "/", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] });
            }
        }

        return Task.CompletedTask;
    }
}
