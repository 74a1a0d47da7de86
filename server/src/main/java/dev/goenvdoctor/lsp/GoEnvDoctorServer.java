package dev.goenvdoctor.lsp;

import com.google.gson.JsonElement;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageServer;

/** The go-env-doctor language server: the standard protocol plus the request {@code goEnvDoctor/report}. */
public interface GoEnvDoctorServer extends LanguageServer {
  /** Returns the report JSON of the current snapshot (the schema of docs/report-schema.md). */
  @JsonRequest("goEnvDoctor/report")
  CompletableFuture<JsonElement> report();
}
