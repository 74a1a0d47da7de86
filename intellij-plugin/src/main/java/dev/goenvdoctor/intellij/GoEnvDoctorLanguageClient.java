package dev.goenvdoctor.intellij;

import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.client.LanguageClientImpl;
import dev.goenvdoctor.intellij.core.ServerSettings;

/**
 * Answers the server's {@code workspace/configuration} requests for section {@code goEnvDoctor} with the
 * settings of {@link ServerSettings}, trust taken from the IDE at each request (so trusting the project and
 * pressing Refresh lets the shells run).
 *
 * <p>Signatures read from LSP4IJ 0.20.1 {@code client/LanguageClientImpl.java}: constructor {@code (Project)},
 * {@code protected Object findSettings(@Nullable String section)} (called per configuration item by its
 * {@code configuration(ConfigurationParams)}), {@code protected Object createSettings()} (the
 * {@code didChangeConfiguration} payload).
 */
public final class GoEnvDoctorLanguageClient extends LanguageClientImpl {
  /** Returns the client of the project's server. */
  public GoEnvDoctorLanguageClient(Project project) {
    super(project);
  }

  @Override
  protected Object findSettings(String section) {
    return ServerSettings.configuration(section, GoEnvDoctorPlugin.trusted(getProject()));
  }

  @Override
  protected Object createSettings() {
    return java.util.Map.of(ServerSettings.SECTION, ServerSettings.section(GoEnvDoctorPlugin.trusted(getProject())));
  }
}
