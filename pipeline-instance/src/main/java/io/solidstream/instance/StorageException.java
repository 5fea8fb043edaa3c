package io.solidstream.instance;

/**
 * An instance's storage could not be read or written: the database is unreachable, locked for too
 * long, or holds a schema this version does not know. The message names the storage (file or
 * server) and what to do.
 */
public class StorageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure with its cause. */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure without a cause. */
  public StorageException(String message) {
    super(message);
  }
}
