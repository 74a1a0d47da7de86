package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Severity;

/**
 * What a rule is: its stable slug (the id in diagnostics, settings and {@code explain}), its short code,
 * its default severity and a one-line summary. docs/rules/SLUG.md explains it in full.
 */
public record RuleInfo(String slug, String code, Severity severity, String summary) {}
