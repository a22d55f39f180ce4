package io.slamon.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that an unprivileged user can reach a directory, so we fail with a useful message. */
public final class DirectoryAccess {
  private DirectoryAccess() {}

  /**
   * Throws {@link IllegalStateException} naming the first directory on the way to {@code dir}
   * (inclusive) that user {@code uid}/{@code gid} may not traverse. Directories that do not exist
   * yet are skipped (they will be created with the default, traversable mode).
   */
  public static void requireTraversable(Path dir, int uid, int gid, String why) {
    Path absolute = dir.toAbsolutePath().normalize();
    for (Path p = absolute; p != null; p = p.getParent()) {
      if (!Files.isDirectory(p)) {
        continue;
      }
      int mode;
      int owner;
      int group;
      try {
        mode = (Integer) Files.getAttribute(p, "unix:mode");
        owner = (Integer) Files.getAttribute(p, "unix:uid");
        group = (Integer) Files.getAttribute(p, "unix:gid");
      } catch (IOException | UnsupportedOperationException e) {
        return; // not a POSIX file system we can inspect: let PostgreSQL report it
      }
      if (!traversable(mode, owner, group, uid, gid)) {
        throw new IllegalStateException(why + " runs as uid " + uid + ", which cannot traverse " + p
            + " (owner uid " + owner + ", mode " + Integer.toOctalString(mode & 07777) + ") on the way to " + absolute
            + ". Fix: chmod o+x " + p + ", or use a data directory below a traversable path,"
            + " or set SLAMON_DB_URL to use an external PostgreSQL.");
      }
    }
  }

  static boolean traversable(int mode, int owner, int group, int uid, int gid) {
    if (owner == uid) {
      return (mode & 0100) != 0;
    }
    if (group == gid) {
      return (mode & 0010) != 0;
    }
    return (mode & 0001) != 0;
  }
}
