package io.slamon.app.web;

import static io.slamon.app.web.Html.attr;
import static io.slamon.app.web.Html.text;

/** The page frame: landmarks, skip link, navigation, language switch and sign-out. */
final class Layout {
  private Layout() {}

  static String page(View v, String title, String body) {
    Messages m = v.m();
    StringBuilder sb = new StringBuilder(4096);
    sb.append("<!DOCTYPE html>\n<html lang=\"").append(attr(m.lang())).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(text(title)).append(" – slamon</title>\n")
        .append("<link rel=\"stylesheet\" href=\"/static/portal.css\">\n</head>\n<body>\n")
        .append("<a class=\"skip\" href=\"#main\">").append(text(m.t("skip"))).append("</a>\n")
        .append("<header class=\"top\"><span class=\"brand\">slamon</span>");
    if (v.principal() != null) {
      sb.append("<nav aria-label=\"main\"><ul><li><a href=\"/portal\">").append(text(m.t("nav.portal"))).append("</a></li>");
      if (v.principal().provider()) {
        sb.append("<li><a href=\"/oncall\">").append(text(m.t("nav.oncall"))).append("</a></li>");
      }
      sb.append("</ul></nav>");
    }
    String other = m.t("lang.switch.code");
    sb.append("<a href=\"").append(attr(v.path() + "?lang=" + other)).append("\" hreflang=\"").append(attr(other))
        .append("\" lang=\"").append(attr(other)).append("\">").append(text(m.t("lang.switch"))).append("</a>");
    if (v.principal() != null) {
      sb.append("<span class=\"muted\">").append(text(m.t("signed.in", v.principal().name()))).append("</span>")
          .append("<form method=\"post\" action=\"/logout\">").append(csrfField(v))
          .append("<button type=\"submit\" class=\"link\">").append(text(m.t("logout"))).append("</button></form>");
    }
    sb.append("</header>\n<main id=\"main\" tabindex=\"-1\">\n<h1>").append(text(title)).append("</h1>\n")
        .append(body).append("\n</main>\n</body>\n</html>\n");
    return sb.toString();
  }

  static String csrfField(View v) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + attr(v.csrf()) + "\">";
  }

  static String login(View v, boolean failed) {
    Messages m = v.m();
    StringBuilder body = new StringBuilder();
    if (failed) {
      body.append("<p class=\"error\" role=\"alert\">").append(text(m.t("login.failed"))).append("</p>");
    }
    body.append("<p>").append(text(m.t("login.intro"))).append("</p>")
        .append("<form method=\"post\" action=\"/login\">").append(csrfField(v))
        .append("<label for=\"token\">").append(text(m.t("login.token"))).append("</label>")
        .append("<input type=\"password\" id=\"token\" name=\"token\" required autocomplete=\"current-password\" size=\"40\">")
        .append("<p><button type=\"submit\">").append(text(m.t("login.submit"))).append("</button></p></form>");
    return page(v, m.t("login.title"), body.toString());
  }

  static String error(View v, String message) {
    return page(v, message, "<p><a href=\"/portal\">" + text(v.m().t("back")) + "</a></p>");
  }
}
