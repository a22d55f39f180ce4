package io.slamon.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DirectoryAccessTest {
  @Test
  void othersNeedTheExecuteBitUnlessTheyOwnTheDirectory() {
    assertThat(DirectoryAccess.traversable(0755, 0, 0, 65534, 65534)).isTrue();
    assertThat(DirectoryAccess.traversable(0750, 0, 0, 65534, 65534)).isFalse();
    assertThat(DirectoryAccess.traversable(0700, 65534, 0, 65534, 65534)).isTrue();
    assertThat(DirectoryAccess.traversable(0750, 0, 65534, 65534, 65534)).isTrue();
  }

  @Test
  void aClosedParentDirectoryIsNamedWithTheFix() throws Exception {
    Path closed = Path.of("target", "dir-access-" + UUID.randomUUID()).toAbsolutePath();
    Files.createDirectories(closed, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

    assertThatThrownBy(() -> DirectoryAccess.requireTraversable(closed.resolve("postgres"), 65534, 65534, "PostgreSQL"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot traverse " + closed)
        .hasMessageContaining("chmod o+x " + closed);
  }
}
