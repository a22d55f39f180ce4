package io.slamon.collector.admission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret written in the configuration: {@code ${NAME}} reads environment variable NAME,
 * {@code file:PATH} reads a file (relative to the config directory; surrounding whitespace and
 * the final newline are removed), anything else is the secret itself. Keeps keys out of the
 * config repository.
 */
public final class SecretValue {
  private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private SecretValue() {}

  /**
   * @param env environment lookup ({@code System::getenv} in production)
   * @throws IllegalArgumentException naming the variable or file when it is unset, empty or unreadable
   */
  public static byte[] resolve(String spec, UnaryOperator<String> env, Path baseDir) {
    Matcher m = ENV.matcher(spec.trim());
    if (m.matches()) {
      String value = env.apply(m.group(1));
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("environment variable " + m.group(1) + " is not set or empty");
      }
      return value.getBytes(StandardCharsets.UTF_8);
    }
    if (spec.startsWith("file:")) {
      Path file = baseDir.resolve(spec.substring(5).trim());
      try {
        String value = Files.readString(file).strip();
        if (value.isEmpty()) {
          throw new IllegalArgumentException("secret file " + file + " is empty");
        }
        return value.getBytes(StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalArgumentException("secret file " + file + " cannot be read: " + e.getMessage(), e);
      }
    }
    return spec.getBytes(StandardCharsets.UTF_8);
  }
}
