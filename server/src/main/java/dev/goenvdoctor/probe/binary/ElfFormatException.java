package dev.goenvdoctor.probe.binary;

/** The file starts like an ELF file but breaks the format; the message says where, for a person. */
final class ElfFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  ElfFormatException(String message) {
    super(message, null, false, false);
  }
}
