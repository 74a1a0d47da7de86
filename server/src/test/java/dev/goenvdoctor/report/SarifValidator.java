package dev.goenvdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.goenvdoctor.testing.TestTools;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Validates a SARIF log twice: against the official SARIF 2.1.0 JSON schema (the file Microsoft's SARIF
 * Multitool npm package ships), and with the Multitool's own validator, which checks the SARIF rules the
 * schema cannot express. Fails on any schema violation or any error the Multitool reports.
 */
public final class SarifValidator {
  private SarifValidator() {}

  public static void validate(String sarif, Path dir) throws Exception {
    Path schemaFile = TestTools.npmFile("@microsoft/sarif-multitool-linux", "sarif-2.1.0.json");
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(schemaFile)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    Set<ValidationMessage> violations = schema.validate(new ObjectMapper().readTree(sarif));
    assertEquals(Set.of(), violations, "SARIF schema violations");

    Path tool = TestTools.npmFile("@microsoft/sarif-multitool-linux", "Sarif.Multitool");
    Path log = dir.resolve("findings.sarif");
    Files.writeString(log, sarif);
    Process p = new ProcessBuilder(List.of(tool.toString(), "validate", log.toString(), "--output", dir.resolve("validation.sarif").toString()))
        .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    String output = new String(p.getInputStream().readAllBytes());
    p.waitFor(120, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), output);
    assertEquals(List.of(), output.lines().filter(l -> l.contains(": error ")).toList(), output);
  }
}
