package io.slamon.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("storage suite on the embedded PostgreSQL (plain, daily range partitions)")
class EmbeddedPostgresStorageIT extends StorageContract {
  private static DatabaseSettings settings;
  private static Database database;

  @BeforeAll
  static void open() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    database = Database.open(settings, message -> {});
    System.out.println("storage suite ran on: embedded " + database.backend().describe());
  }

  @AfterAll
  static void close() {
    if (database != null) {
      database.close();
      SharedEmbeddedPostgres.drop(settings);
    }
  }

  @Override
  protected Database database() {
    return database;
  }

  @Override
  protected Backend.Kind expectedKind() {
    return Backend.Kind.POSTGRES;
  }
}
