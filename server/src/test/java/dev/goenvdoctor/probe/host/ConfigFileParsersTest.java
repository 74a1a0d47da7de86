package dev.goenvdoctor.probe.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigFileParsersTest {
  @Test
  void osReleaseQuotingFollowsTheShellRules() {
    Map<String, String> kv = ShellStyleKeyValues.parse("# comment\n"
        + "PRETTY_NAME=\"Say \\\"hi\\\" for \\$5\"\n"
        + "NAME='Single $quoted'\n"
        + "ID=plain\n"
        + "ID=later\n"
        + "not a key = x\n"
        + "VERSION_ID=\"24.04\"\r\n");

    assertEquals("Say \"hi\" for $5", kv.get("PRETTY_NAME"));
    assertEquals("Single $quoted", kv.get("NAME"));
    assertEquals("later", kv.get("ID"));
    assertEquals("24.04", kv.get("VERSION_ID"));
    assertEquals(4, kv.size());
  }

  @Test
  void iniEntriesKeepTheirLinesAndLaterOnesWin() {
    IniFile ini = IniFile.parse("/etc/wsl.conf", "; header\n"
        + "[Interop]\n"
        + "  AppendWindowsPath = true\n"
        + "# turned off below\n"
        + "appendWindowsPath=false\n"
        + "[boot]\n"
        + "appendWindowsPath=ignored-other-section\n"
        + "broken line\n");

    IniFile.Entry entry = ini.last("interop", "appendwindowspath", true).orElseThrow();
    assertEquals("false", entry.value());
    assertEquals("/etc/wsl.conf:5", ini.locationOf(entry).display());
    assertEquals(Optional.empty(), ini.last("interop", "appendwindowspath", false));
    assertTrue(ini.value("boot", "appendWindowsPath").isPresent());
  }

  @Test
  void machineNamesMapToGoarch() {
    assertEquals(Optional.of("amd64"), GoArch.fromMachine("x86_64"));
    assertEquals(Optional.of("arm64"), GoArch.fromMachine("aarch64"));
    assertEquals(Optional.of("arm"), GoArch.fromMachine("armv7l"));
    assertEquals(Optional.of("386"), GoArch.fromMachine("i686"));
    assertEquals(Optional.of("loong64"), GoArch.fromMachine("loongarch64"));
    assertEquals(Optional.of("mips64le"), GoArch.fromMachine("mips64el"));
    assertEquals(Optional.empty(), GoArch.fromMachine("pdp11"));
  }
}
