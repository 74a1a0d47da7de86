package dev.goenvdoctor.intellij.core;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableCellRenderer;

/**
 * The "Go Environment" tool window: a toolbar (Refresh, Copy as Markdown) with a one-line summary, the layer
 * table with the cells that differ from the reference layer highlighted and each value's file:line beside it,
 * and the findings with a fix chooser and a Fix button. Plain Swing: the IDE's look and feel styles it. Call
 * its methods on the Swing event thread.
 */
public final class GoEnvironmentPanel extends JPanel {
  private static final long serialVersionUID = 1L;
  private static final String MESSAGE = "message";
  private static final String REPORT = "report";

  private final transient GoEnvironmentActions actions;
  private final LayerTableModel tableModel = new LayerTableModel();
  private final FindingsListModel findingsModel = new FindingsListModel();
  private final JTable table = new JTable(tableModel);
  private final JList<Finding> findings = new JList<>(findingsModel);
  private final DefaultComboBoxModel<FixChoice> fixModel = new DefaultComboBoxModel<>();
  private final JComboBox<FixChoice> fixChooser = new JComboBox<>(fixModel);
  private final JButton fixButton = new JButton("Fix");
  private final JButton openButton = new JButton("Go to");
  private final JButton refreshButton = new JButton("Refresh");
  private final JButton copyButton = new JButton("Copy as Markdown");
  private final JLabel summary = new JLabel();
  private final JLabel message = new JLabel("", SwingConstants.CENTER);
  private final JPanel cards = new JPanel(new CardLayout());
  private final JSplitPane split;
  private transient Report report;

  /** Returns an empty panel that says the report is on its way; {@code actions} handles its buttons. */
  public GoEnvironmentPanel(GoEnvironmentActions actions) {
    super(new BorderLayout());
    this.actions = actions;

    JPanel toolbar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
    toolbar.add(refreshButton);
    toolbar.add(copyButton);
    toolbar.add(summary);
    refreshButton.setToolTipText("Read the environment again: startup files, shells, go env");
    copyButton.setToolTipText("Copy the layers and the findings as Markdown, for a bug report");
    refreshButton.addActionListener(e -> actions.refresh());
    copyButton.addActionListener(e -> {
      if (report != null) {
        actions.copyToClipboard(MarkdownExport.render(report));
      }
    });
    add(toolbar, BorderLayout.NORTH);

    table.setDefaultRenderer(LayerCell.class, new CellRenderer());
    table.setDefaultRenderer(String.class, new LabelRenderer());
    table.setAutoResizeMode(JTable.AUTO_RESIZE_SUBSEQUENT_COLUMNS);
    table.setFillsViewportHeight(true);
    table.setRowSelectionAllowed(false);
    table.setCellSelectionEnabled(true);
    table.getTableHeader().setReorderingAllowed(false);
    JScrollPane tableScroll = new JScrollPane(table);
    // Set here, not left to addNotify: the header must also show when the panel is painted without a window.
    tableScroll.setColumnHeaderView(table.getTableHeader());

    findings.setCellRenderer(new FindingRenderer());
    findings.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    findings.addListSelectionListener(e -> selectionChanged());
    fixChooser.setRenderer(new DefaultListCellRenderer() {
      private static final long serialVersionUID = 1L;

      @Override
      public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected, boolean focus) {
        super.getListCellRendererComponent(list, value, index, selected, focus);
        if (value instanceof FixChoice f) {
          setText(shortIn(f.title()) + (f.preferred() ? " (preferred)" : ""));
        }
        return this;
      }
    });
    fixButton.setToolTipText("Apply the chosen fix: the language server computes the edit, the IDE applies it");
    fixButton.addActionListener(e -> fixSelected());
    openButton.setToolTipText("Open the file where the finding shows");
    openButton.addActionListener(e -> {
      Finding f = findings.getSelectedValue();
      if (f != null) {
        actions.open(f.location());
      }
    });
    JPanel fixRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
    fixRow.add(new JLabel("Fix:"));
    fixRow.add(fixChooser);
    fixRow.add(fixButton);
    fixRow.add(openButton);
    JPanel findingsPanel = new JPanel(new BorderLayout());
    JLabel findingsTitle = new JLabel("Findings");
    findingsTitle.setBorder(BorderFactory.createEmptyBorder(4, 6, 2, 6));
    findingsPanel.add(findingsTitle, BorderLayout.NORTH);
    findingsPanel.add(new JScrollPane(findings), BorderLayout.CENTER);
    findingsPanel.add(fixRow, BorderLayout.SOUTH);

    split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, tableScroll, findingsPanel);
    split.setResizeWeight(0.6);
    split.setBorder(null);
    cards.add(message, MESSAGE);
    cards.add(split, REPORT);
    add(cards, BorderLayout.CENTER);
    showMessage("Reading the Go environment\u2026");
  }

  /** Shows a report: the layer table and the findings (the first one selected). */
  public void show(Report newReport) {
    this.report = newReport;
    tableModel.update(newReport);
    findingsModel.update(newReport);
    table.getColumnModel().getColumn(0).setPreferredWidth(140);
    table.setRowHeight(Math.max(table.getRowHeight(), table.getFontMetrics(table.getFont()).getHeight() + 4));
    int tableHeight = Math.min(tableModel.getRowCount(), 20) * table.getRowHeight();
    table.setPreferredScrollableViewportSize(new Dimension(720, tableHeight));
    // The table as tall as its rows (up to 20), the findings below get the rest.
    split.setDividerLocation(tableHeight + table.getTableHeader().getPreferredSize().height + 4);
    long errors = newReport.findings().stream().filter(f -> f.severity().equals("error")).count();
    long warnings = newReport.findings().stream().filter(f -> f.severity().equals("warning")).count();
    Machine m = newReport.machine();
    summary.setText(count(errors, "error") + ", " + count(warnings, "warning")
        + (m.execAllowed() ? "" : " \u00b7 zero-exec: read from files, nothing ran")
        + (m.workspaceTrusted() ? "" : " \u00b7 project not trusted")
        + " \u00b7 compared with the " + (tableModel.referenceLayer().isEmpty() ? "?" : tableModel.referenceLayer()) + " layer");
    copyButton.setEnabled(true);
    if (findingsModel.getSize() > 0) {
      findings.setSelectedIndex(0);
    }
    selectionChanged();
    ((CardLayout) cards.getLayout()).show(cards, REPORT);
  }

  /** Shows one sentence instead of the report (while it is read, or why it cannot be shown). */
  public void showMessage(String text) {
    message.setText(text);
    copyButton.setEnabled(report != null);
    ((CardLayout) cards.getLayout()).show(cards, MESSAGE);
  }

  /** Returns the table's model (what the table shows). */
  public LayerTableModel tableModel() {
    return tableModel;
  }

  /** Returns the findings list's model. */
  public FindingsListModel findingsModel() {
    return findingsModel;
  }

  /** Selects the finding at {@code index} of the list and the fix at {@code fixIndex} of its fixes. */
  public void select(int index, int fixIndex) {
    findings.setSelectedIndex(index);
    fixChooser.setSelectedIndex(fixIndex);
  }

  /** Presses the Fix button (what a click does). */
  public void pressFix() {
    fixButton.doClick();
  }

  /** Presses Refresh. */
  public void pressRefresh() {
    refreshButton.doClick();
  }

  /** Presses Copy as Markdown. */
  public void pressCopy() {
    copyButton.doClick();
  }

  private void fixSelected() {
    Finding f = findings.getSelectedValue();
    Object fix = fixChooser.getSelectedItem();
    if (f != null && fix instanceof FixChoice choice) {
      actions.applyFix(f, choice);
    }
  }

  private void selectionChanged() {
    Finding f = findings.getSelectedValue();
    fixModel.removeAllElements();
    List<FixChoice> fixes = f == null ? List.of() : f.fixes();
    fixes.forEach(fixModel::addElement);
    fixes.stream().filter(FixChoice::preferred).findFirst().ifPresent(fixModel::setSelectedItem);
    fixChooser.setEnabled(!fixes.isEmpty());
    fixButton.setEnabled(!fixes.isEmpty());
    openButton.setEnabled(f != null);
  }

  private String shortIn(String text) {
    return ShortPaths.shortenIn(text, report == null ? "" : report.machine().home());
  }

  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** The highlight of a cell that differs, readable on light and dark backgrounds. */
  static Color highlight(Color background) {
    boolean dark = background != null && (background.getRed() + background.getGreen() + background.getBlue()) / 3 < 128;
    return dark ? new Color(0x6B, 0x52, 0x1E) : new Color(0xFF, 0xE0, 0x8A);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static Color dimmed(JComponent c) {
    Color fg = c.getForeground() == null ? Color.BLACK : c.getForeground();
    Color bg = c.getBackground() == null ? Color.WHITE : c.getBackground();
    return new Color((fg.getRed() + bg.getRed()) / 2, (fg.getGreen() + bg.getGreen()) / 2, (fg.getBlue() + bg.getBlue()) / 2);
  }

  private static String hex(Color c) {
    return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  private final class CellRenderer extends DefaultTableCellRenderer {
    private static final long serialVersionUID = 1L;

    @Override
    public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus, int row, int column) {
      super.getTableCellRendererComponent(t, "", selected, focus, row, column);
      if (!(value instanceof LayerCell c)) {
        return this;
      }
      String where = c.originLabel(tableModel.home());
      String state = c.state().isEmpty() || c.state().equals("OK") ? "" : " <i>" + escape(c.state().toLowerCase()) + "</i>";
      setText("<html><nobr>" + (c.differs() ? "<b>" + escape(c.text()) + "</b>" : escape(c.text())) + state
          + (where.isEmpty() ? "" : "&nbsp;&nbsp;<font color='" + hex(dimmed(t)) + "'>" + escape(where) + "</font>")
          + "</nobr></html>");
      setToolTipText(tableModel.tooltip(row, column));
      if (!selected) {
        setBackground(c.differs() ? highlight(t.getBackground()) : t.getBackground());
      }
      return this;
    }
  }

  private final class LabelRenderer extends DefaultTableCellRenderer {
    private static final long serialVersionUID = 1L;

    @Override
    public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus, int row, int column) {
      super.getTableCellRendererComponent(t, value, selected, focus, row, column);
      LayerTableModel.Row r = tableModel.rows().get(row);
      String prefix = r.kind() == LayerTableModel.Kind.PATH_ENTRY ? "PATH " : "";
      setText("<html><nobr>" + (r.differs() ? "<b>\u2260 " : "") + escape(prefix + String.valueOf(value)) + (r.differs() ? "</b>" : "")
          + "</nobr></html>");
      setToolTipText(tableModel.tooltip(row, column));
      return this;
    }
  }

  private final class FindingRenderer extends DefaultListCellRenderer {
    private static final long serialVersionUID = 1L;

    @Override
    public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected, boolean focus) {
      super.getListCellRendererComponent(list, "", index, selected, focus);
      if (value instanceof Finding f) {
        String home = report == null ? "" : report.machine().home();
        Color dim = selected ? list.getSelectionForeground() : dimmed(list);
        StringBuilder html = new StringBuilder("<html><div style='width:680px'><b>").append(escape(f.severity())).append("</b> ")
            .append(escape(f.slug())).append(f.code().isEmpty() ? "" : " (" + escape(f.code()) + ")")
            .append(" <font color='").append(hex(dim)).append("'>").append(escape(f.location().label(home))).append("</font><br>")
            .append(escape(ShortPaths.shortenIn(f.message(), home)));
        for (FixChoice x : f.fixes()) {
          html.append("<br>\u2192 fix").append(x.preferred() ? " (preferred)" : "").append(": ")
              .append(escape(ShortPaths.shortenIn(x.title(), home)));
        }
        setText(html.append("</div></html>").toString());
        setToolTipText(f.location().label(home));
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(0, 0, 1, 0,
            UIManager.getColor("Separator.foreground") == null ? Color.LIGHT_GRAY : UIManager.getColor("Separator.foreground")),
            BorderFactory.createEmptyBorder(4, 6, 4, 6)));
      }
      return this;
    }
  }
}
