package dev.goenvdoctor.intellij.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The tool window's panel, headless: its buttons reach the IDE hooks, and it paints the layers and findings. */
class GoEnvironmentPanelTest {
  static final int WIDTH = 1280;
  static final int HEIGHT = 820;

  static {
    // Swing's default look draws every label bold; the IDE's does not. Plain text makes the picture closer to it.
    javax.swing.UIManager.put("swing.boldMetal", Boolean.FALSE);
  }

  /** Records what the panel asks of the IDE. */
  static final class Recorder implements GoEnvironmentActions {
    final List<String> calls = new ArrayList<>();

    @Override
    public void refresh() {
      calls.add("refresh");
    }

    @Override
    public void applyFix(Finding finding, FixChoice fix) {
      calls.add("fix " + finding.slug() + " at " + finding.location().file() + ":" + finding.location().startLine() + ": " + fix.title());
    }

    @Override
    public void copyToClipboard(String text) {
      calls.add("copy " + text);
    }

    @Override
    public void open(Location location) {
      calls.add("open " + location.file());
    }
  }

  @Test
  void buttonsCallTheHooksWithTheChosenFindingAndFix() throws Exception {
    assertTrue(GraphicsEnvironment.isHeadless(), "runs headless");
    Report report = ServerJar.report(ReportParserTest.UBUNTU);
    Recorder ide = new Recorder();
    GoEnvironmentPanel panel = new GoEnvironmentPanel(ide);
    panel.pressCopy();
    assertEquals(List.of(), ide.calls, "nothing to copy before a report");
    panel.show(report);
    Finding first = panel.findingsModel().getElementAt(0);
    assertEquals("module-needs-newer-go", first.slug(), "errors first");
    panel.pressFix();
    panel.select(0, 1);
    panel.pressFix();
    panel.pressRefresh();
    panel.pressCopy();
    assertEquals(List.of(
        "fix module-needs-newer-go at /home/u/proj/go.mod:2: " + first.fixes().get(0).title(),
        "fix module-needs-newer-go at /home/u/proj/go.mod:2: " + first.fixes().get(1).title(),
        "refresh",
        "copy " + MarkdownExport.render(report)), ide.calls, "the preferred fix is chosen until another is");
  }

  @Test
  void paintsTheTableWithHighlightedDifferencesAndTheFindings() throws Exception {
    Report report = ServerJar.report(ReportParserTest.UBUNTU);
    GoEnvironmentPanel panel = new GoEnvironmentPanel(new Recorder());
    panel.show(report);
    BufferedImage image = paint(panel);
    Path png = Path.of("target", "intellij-tool-window.png");
    Files.createDirectories(png.getParent());
    ImageIO.write(image, "png", png.toFile());
    if (Boolean.getBoolean("ged.updateImages")) {
      Path docs = Path.of(System.getProperty("ged.imagesDir", "../docs/images")).resolve("intellij-tool-window.png");
      ImageIO.write(image, "png", docs.toFile());
    }

    Color highlight = GoEnvironmentPanel.highlight(Color.WHITE);
    int highlighted = 0;
    int dark = 0;
    Set<Integer> colors = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colors.add(rgb);
        if (rgb == (highlight.getRGB() & 0xFFFFFF)) {
          highlighted++;
        }
        Color c = new Color(rgb);
        if (c.getRed() + c.getGreen() + c.getBlue() < 200) {
          dark++;
        }
      }
    }
    // GOPATH and /usr/local/go/bin differ in 4 layers each: at least 8 highlighted cells of about 16 x 100 pixels.
    assertTrue(highlighted > 8 * 800, "highlighted cells: " + highlighted + " pixels");
    assertTrue(dark > 20_000, "text was drawn: " + dark + " dark pixels");
    assertTrue(colors.size() > 50, "anti-aliased text and borders: " + colors.size() + " colours");
    assertEquals(WIDTH, image.getWidth());
  }

  @Test
  void aMessageReplacesTheReportUntilOneArrives() throws Exception {
    GoEnvironmentPanel panel = new GoEnvironmentPanel(new Recorder());
    panel.showMessage("The server cannot start: no Java at /nowhere/bin/java");
    BufferedImage image = paint(panel);
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color c = new Color(image.getRGB(x, y));
        dark += c.getRed() + c.getGreen() + c.getBlue() < 200 ? 1 : 0;
      }
    }
    assertTrue(dark > 300 && dark < 20_000, "one sentence, no table: " + dark + " dark pixels");
  }

  /** Lays the panel out at the tool window's size and paints it, as Swing would on screen. */
  static BufferedImage paint(GoEnvironmentPanel panel) {
    panel.setSize(WIDTH, HEIGHT);
    layout(panel);
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    panel.printAll(g);
    g.dispose();
    return image;
  }

  private static void layout(Component c) {
    if (c instanceof Container container) {
      container.doLayout();
      for (Component child : container.getComponents()) {
        layout(child);
      }
    }
  }

  /** Writes the README's picture: {@code mvn -B -o verify -pl server,intellij-plugin -Dged.updateImages=true}. */
  static void main(String[] args) throws IOException, ReportFormatException {
    GoEnvironmentPanel panel = new GoEnvironmentPanel(new Recorder());
    panel.show(ServerJar.report(ReportParserTest.UBUNTU));
    ImageIO.write(paint(panel), "png", Path.of(args.length > 0 ? args[0] : "intellij-tool-window.png").toFile());
  }
}
