package dev.goenvdoctor.intellij;

import com.intellij.ide.plugins.IdeaPluginDescriptor;
import com.intellij.ide.plugins.PluginManagerCore;
import com.intellij.ide.plugins.cl.PluginAwareClassLoader;
import com.intellij.openapi.extensions.PluginDescriptor;
import com.intellij.openapi.extensions.PluginId;
import com.intellij.openapi.project.Project;
import java.nio.file.Path;

/**
 * Names and facts shared by the glue: the plugin and server ids, where the plugin is installed, and whether
 * the IDE trusts a project.
 *
 * <p>Signatures read from: IntelliJ's {@code com.intellij.ide.impl.TrustedProjects} (file facade
 * {@code @file:JvmName("TrustedProjects")} of platform-impl's {@code ide/impl/TrustedProjects.kt}, Java call
 * {@code TrustedProjects.isTrusted(Project)} as the IntelliJ Platform SDK page "Trusted Project" gives it, API
 * since 2021.2.4); the plugin path as LSP4IJ 0.20.1's {@code internal/PluginUtils} finds its own
 * ({@code PluginAwareClassLoader.getPluginDescriptor()}, then {@code PluginManagerCore.getPlugin(PluginId)}).
 */
final class GoEnvDoctorPlugin {
  /** The {@code <id>} of plugin.xml. */
  static final String PLUGIN_ID = "dev.goenvdoctor.intellij";
  /** The id of the LSP4IJ {@code server} extension in plugin.xml. */
  static final String SERVER_ID = "goEnvDoctor";

  private GoEnvDoctorPlugin() {}

  /** Returns the directory the plugin is installed in (its {@code lib/server/} holds the server jar). */
  static Path installDirectory() {
    if (GoEnvDoctorPlugin.class.getClassLoader() instanceof PluginAwareClassLoader loader) {
      PluginDescriptor descriptor = loader.getPluginDescriptor();
      return descriptor.getPluginPath();
    }
    IdeaPluginDescriptor descriptor = PluginManagerCore.getPlugin(PluginId.getId(PLUGIN_ID));
    if (descriptor == null) {
      throw new IllegalStateException("the plugin " + PLUGIN_ID + " is not installed");
    }
    return descriptor.getPluginPath();
  }

  /** Returns true when the IDE trusts the project (the user chose "Trust Project"), false in safe mode. */
  static boolean trusted(Project project) {
    return com.intellij.ide.impl.TrustedProjects.isTrusted(project);
  }
}
