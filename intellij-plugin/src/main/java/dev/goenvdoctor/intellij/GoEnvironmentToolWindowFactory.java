package dev.goenvdoctor.intellij;

import com.intellij.openapi.project.DumbAware;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.util.Key;
import com.intellij.openapi.wm.ToolWindow;
import com.intellij.openapi.wm.ToolWindowFactory;
import com.intellij.ui.content.Content;
import com.intellij.ui.content.ContentManager;
import org.jetbrains.annotations.NotNull;

/**
 * The "Go Environment" tool window: the Swing panel of the SDK-free part, driven by {@link GoEnvironmentController}.
 *
 * <p>Signatures read from IntelliJ's {@code ToolWindowFactory.kt}
 * ({@code fun createToolWindowContent(project: Project, toolWindow: ToolWindow)}) and LSP4IJ 0.20.1's
 * {@code console/LSPConsoleToolWindowFactory.java}, which builds its content against 2024.2 with
 * {@code toolWindow.getContentManager().getFactory().createContent(JComponent, String, boolean)} (the
 * {@code ContentFactory} of the tool window) and {@code contentManager.addContent(content)}.
 */
public final class GoEnvironmentToolWindowFactory implements ToolWindowFactory, DumbAware {
  /** The controller of a project's tool window, for the actions. */
  static final Key<GoEnvironmentController> CONTROLLER = Key.create("goEnvDoctor.controller");

  @Override
  public void createToolWindowContent(@NotNull Project project, @NotNull ToolWindow toolWindow) {
    GoEnvironmentController controller = new GoEnvironmentController(project);
    ContentManager contents = toolWindow.getContentManager();
    Content content = contents.getFactory().createContent(controller.panel(), "", false);
    contents.addContent(content);
    project.putUserData(CONTROLLER, controller);
    controller.load();
  }
}
