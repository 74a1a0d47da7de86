package dev.goenvdoctor.jsonc;

/** The kinds of token the JSONC scanner produces (comments and whitespace are skipped, not tokens). */
enum Token {
  OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, COLON, COMMA,
  STRING, NUMBER, TRUE, FALSE, NULL,
  /** A run of characters that is no JSON token: a bad number, an unquoted word, a single-quoted string. */
  UNKNOWN,
  EOF
}
