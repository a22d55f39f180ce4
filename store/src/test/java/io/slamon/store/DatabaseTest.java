package io.slamon.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class DatabaseTest {
  @Test
  void anUnreachableServerFailsWithTheUrlInTheMessage() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // free once closed: nothing listens there
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/slamon?connectTimeout=2";

    assertThatThrownBy(() -> Database.open(new DatabaseSettings(url, "slamon", "pw", null), m -> {}))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot connect to " + url + " as slamon");
  }
}
