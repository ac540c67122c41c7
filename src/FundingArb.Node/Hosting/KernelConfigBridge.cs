using System.Text.Json;
using Akka.Configuration;
using Akka.Configuration.Hocon;
using KernelConfig = FundingArb.Kernel.Configuration.Config;
using KernelConfigurationFactory = FundingArb.Kernel.Configuration.ConfigurationFactory;

namespace FundingArb.Node.Hosting;

// A bridge to remove when the actors move to Akka (the integrator's list, docs/akka.md "Configuration"): the node
// reads its configuration with Akka's parser, but the kernel's ActorSystem.Create still takes a kernel Config. The
// Akka config is rendered as JSON, every scalar as a string (the kernel's getters convert "30", "on" and "10s"), and
// parsed again by the kernel's parser at the one call site, NodeRuntime.StartAsync.

/// The node's Akka configuration as a kernel configuration, for the kernel's actor system.
internal static class KernelConfigBridge
{
    public static KernelConfig ToKernel(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (config.IsEmpty)
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
            else
            {
                Write(writer, config.Root);
            }
        }

        return KernelConfigurationFactory.ParseString(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Write(Utf8JsonWriter writer, HoconValue value)
    {
        if (value.GetObject() is { } section)
        {
            writer.WriteStartObject();
            foreach (var (key, child) in section.Items)
            {
                writer.WritePropertyName(key);
                Write(writer, child);
            }

            writer.WriteEndObject();
        }
        else if (value.Values.Count > 0 && value.Values.All(v => v.IsArray()))
        {
            writer.WriteStartArray();
            foreach (var item in value.GetArray())
            {
                Write(writer, item);
            }

            writer.WriteEndArray();
        }
        else if (value.IsString() && value.GetString() is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
