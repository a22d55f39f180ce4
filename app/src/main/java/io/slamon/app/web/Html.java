package io.slamon.app.web;

import org.owasp.encoder.Encode;

/**
 * Output escaping for the server-rendered pages. The pages are plain Java instead of a template
 * engine: they are few and small, there is no front-end build, and one maintained encoder (OWASP
 * Java Encoder) applied at every insertion point is easier to review than a template language's
 * auto-escaping rules. Everything that is not a constant of this package goes through
 * {@link #text} or {@link #attr}.
 */
final class Html {
  private Html() {}

  /** For element content. */
  static String text(Object value) {
    return value == null ? "" : Encode.forHtmlContent(value.toString());
  }

  /** For a quoted attribute value. */
  static String attr(Object value) {
    return value == null ? "" : Encode.forHtmlAttribute(value.toString());
  }

  /** For one URL path segment (an incident or tenant id inside an href). */
  static String path(String segment) {
    return Encode.forHtmlAttribute(Encode.forUriComponent(segment));
  }
}
