package dev.goenvdoctor.intellij;

import com.intellij.openapi.actionSystem.ActionUpdateThread;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.project.DumbAware;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.wm.ToolWindow;
import com.intellij.openapi.wm.ToolWindowManager;
import org.jetbrains.annotations.NotNull;

/**
 * "go-env-doctor: Refresh" ({@code goEnvDoctor.refresh}): opens the Go Environment tool window and reads the
 * environment again; "go-env-doctor: Show Go Environment" ({@code goEnvDoctor.report}) opens it with the report
 * the server has now.
 */
public class RefreshAction extends AnAction implements DumbAware {
  @Override
  public void actionPerformed(@NotNull AnActionEvent e) {
    Project project = e.getProject();
    if (project == null) {
      return;
    }
    ToolWindow window = ToolWindowManager.getInstance(project).getToolWindow("Go Environment");
    if (window != null) {
      window.show(() -> {
        GoEnvironmentController controller = project.getUserData(GoEnvironmentToolWindowFactory.CONTROLLER);
        if (controller != null) {
          run(controller);
        }
      });
    }
  }

  /** What the action does once the tool window is shown. */
  void run(GoEnvironmentController controller) {
    controller.refresh();
  }

  /** "go-env-doctor: Show Go Environment": the tool window with the server's current report. */
  public static final class ShowReport extends RefreshAction {
    @Override
    void run(GoEnvironmentController controller) {
      controller.load();
    }
  }

  @Override
  public void update(@NotNull AnActionEvent e) {
    e.getPresentation().setEnabledAndVisible(e.getProject() != null);
  }

  @Override
  public @NotNull ActionUpdateThread getActionUpdateThread() {
    return ActionUpdateThread.BGT;
  }
}
