package dev.goenvdoctor.report;

import java.nio.file.Path;

/** Lets tests in other packages validate SARIF with {@link SarifValidator}. */
public final class SarifValidatorAccess {
  private SarifValidatorAccess() {}

  public static void validate(String sarif, Path dir) throws Exception {
    SarifValidator.validate(sarif, dir);
  }
}
