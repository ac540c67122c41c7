using System.Security.Cryptography;
using FundingArb.Node.Configuration;

namespace FundingArb.Node.Api;

/// The bearer token writes need: from `fundingarb.node.http.api-token`, or generated on first start and kept in
/// the data folder (readable by its owner only) so it survives restarts.
public sealed class ApiToken
{
    private ApiToken(string value, bool generated, string? file)
    {
        Value = value;
        Generated = generated;
        File = file;
    }

    public string Value { get; }

    /// True when this start created the token (print it once: it is never logged).
    public bool Generated { get; }

    public string? File { get; }

    public static ApiToken Resolve(NodeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ApiToken.Length > 0)
        {
            return new ApiToken(settings.ApiToken, generated: false, file: null);
        }

        var file = Path.Combine(settings.DataDirectory, "api-token");
        if (System.IO.File.Exists(file) && System.IO.File.ReadAllText(file).Trim() is { Length: > 0 } saved)
        {
            return new ApiToken(saved, generated: false, file);
        }

        Directory.CreateDirectory(settings.DataDirectory);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(file, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
        {
            writer.Write(token);
        }

        return new ApiToken(token, generated: true, file);
    }
}
