package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;

/**
 * One startup file in the order a shell start meets it: its machine path, what happened to it, a plain
 * reason ({@code "not read: ~/.bash_profile exists"}), and the line that sourced it (null for files the
 * shell reads by itself).
 */
public record StartupFile(String path, StartupFileStatus status, String reason, Provenance includedFrom) {
  /** True when the file's lines (or its modelled effect) took part in the simulation. */
  public boolean read() {
    return status == StartupFileStatus.READ || status == StartupFileStatus.MODELLED;
  }
}
