package io.slamon.app.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One real portal (server, database, example config) per test class. */
abstract class PortalTestBase {
  static PortalFixture f;

  @BeforeAll
  static void start() {
    f = new PortalFixture(false);
  }

  @AfterAll
  static void stop() {
    f.close();
  }
}
