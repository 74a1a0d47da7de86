package dev.goenvdoctor.intellij;

import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.LanguageServerFactory;
import com.redhat.devtools.lsp4ij.client.LanguageClientImpl;
import com.redhat.devtools.lsp4ij.server.StreamConnectionProvider;
import org.eclipse.lsp4j.services.LanguageServer;
import org.jetbrains.annotations.NotNull;

/**
 * The LSP4IJ {@code server} extension of plugin.xml: how to start the server, its client, and its interface.
 *
 * <p>Signatures read from LSP4IJ 0.20.1 {@code LanguageServerFactory.java}:
 * {@code @NotNull StreamConnectionProvider createConnectionProvider(@NotNull Project)},
 * {@code @NotNull LanguageClientImpl createLanguageClient(@NotNull Project)},
 * {@code @NotNull Class<? extends LanguageServer> getServerInterface()}.
 */
public final class GoEnvDoctorServerFactory implements LanguageServerFactory {
  @Override
  public @NotNull StreamConnectionProvider createConnectionProvider(@NotNull Project project) {
    return new GoEnvDoctorConnectionProvider(project);
  }

  @Override
  public @NotNull LanguageClientImpl createLanguageClient(@NotNull Project project) {
    return new GoEnvDoctorLanguageClient(project);
  }

  @Override
  public @NotNull Class<? extends LanguageServer> getServerInterface() {
    return GoEnvDoctorServerApi.class;
  }
}
