package dev.goenvdoctor.intellij;

import com.google.gson.JsonElement;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The server as LSP4IJ's lsp4j sees it: the standard protocol plus {@code goEnvDoctor/report} (server side:
 * {@code server/src/main/java/dev/goenvdoctor/lsp/GoEnvDoctorServer.java}). Gson and lsp4j come from the IDE and
 * LSP4IJ, never from this plugin, so the JSON tree is of the classes LSP4IJ's lsp4j uses.
 */
public interface GoEnvDoctorServerApi extends LanguageServer {
  /** Returns the report JSON of the latest analysis with its findings (docs/report-schema.md). */
  @JsonRequest("goEnvDoctor/report")
  CompletableFuture<JsonElement> report();
}
