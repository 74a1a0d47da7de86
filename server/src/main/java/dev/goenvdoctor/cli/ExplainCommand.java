package dev.goenvdoctor.cli;

import dev.goenvdoctor.rules.Rule;
import dev.goenvdoctor.rules.RuleCatalogue;
import dev.goenvdoctor.rules.RuleDocs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code explain SLUG}: the rule's page; without a slug, the list of rules. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Print a rule's page: what is wrong, why, how it is detected, the fixes, an example.")
final class ExplainCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SLUG", arity = "0..1", description = "A rule slug (e.g. go-missing-in-editor) or code (e.g. GED101).")
  String slug;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (slug == null) {
      for (Rule rule : RuleCatalogue.all()) {
        spec.commandLine().getOut().printf("%-32s %s  %-7s %s%n", rule.info().slug(), rule.info().code(),
            rule.info().severity().label(), rule.info().summary());
      }
      return Main.EXIT_OK;
    }
    String resolved = RuleCatalogue.bySlug(slug).map(r -> r.info().slug()).orElse(slug);
    return RuleDocs.page(resolved).map(page -> {
      spec.commandLine().getOut().print(page);
      return Main.EXIT_OK;
    }).orElseGet(() -> {
      spec.commandLine().getErr().println("go-env-doctor: no rule '" + slug + "'; 'go-env-doctor explain' lists them");
      return Main.EXIT_ERROR;
    });
  }
}
