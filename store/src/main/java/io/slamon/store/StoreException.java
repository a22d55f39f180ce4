package io.slamon.store;

/** The database could not do what was asked (down, full, refused). The caller decides to retry or spool. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
