package io.solidstream.samples;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the data files bundled with the samples from the classpath. */
public final class Resources {
  private Resources() {}

  /**
   * The text of a bundled resource.
   *
   * @param name an absolute classpath name, e.g. {@code /orders.csv}
   * @throws FileNotFoundException if there is no such resource
   */
  public static String text(String name) throws IOException {
    try (InputStream in = Resources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new FileNotFoundException("no classpath resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The lines of a bundled resource. */
  public static List<String> lines(String name) throws IOException {
    return text(name).lines().toList();
  }
}
