package dev.goenvdoctor.probe;

import java.util.List;

/**
 * How a path resolved: every hop (the path as asked, then each rewrite after a symlink), the final
 * real path, and whether it ended on an existing file, a missing one (dangling link) or a loop.
 */
public record SymlinkChain(List<String> hops, String realPath, Status status) {
  public enum Status { OK, MISSING, LOOP }

  public SymlinkChain {
    hops = List.copyOf(hops);
  }

  public boolean ok() {
    return status == Status.OK;
  }

  /** True when at least one symlink was followed. */
  public boolean viaSymlink() {
    return hops.size() > 1;
  }
}
