package io.slamon.app.web;

import static io.slamon.app.web.PortalFixture.A;
import static io.slamon.app.web.PortalFixture.A_TOKEN;
import static io.slamon.app.web.PortalFixture.B;
import static io.slamon.app.web.PortalFixture.ONCALL_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The portal in a real headless Chromium (Debian's chromium and chromedriver; Selenium is told
 * both paths, so it never downloads a browser or driver).
 */
class PortalBrowserIT extends PortalTestBase {
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  @BeforeAll
  static void needsChromium() {
    assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
        "skipped: /usr/bin/chromium and /usr/bin/chromedriver are needed (Debian packages chromium chromium-driver)");
  }

  private static WebDriver browser() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    Path profile = Files.createDirectories(Path.of("target", "chromium-profiles")).resolve("p" + System.nanoTime());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600",
        "--lang=en-US", "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  private static void signIn(WebDriver d, String token) {
    d.get(f.base + "/login");
    d.findElement(By.id("token")).sendKeys(token);
    clickAndWait(d, d.findElement(By.cssSelector("form[action='/login'] button")));
  }

  /**
   * Clicks and waits until the browser has left the current page: a click that submits a form or
   * follows a link returns before the next page has loaded, so reading the URL or the page at once
   * would race the navigation.
   */
  private static void clickAndWait(WebDriver d, org.openqa.selenium.WebElement element) {
    org.openqa.selenium.WebElement page = d.findElement(By.tagName("html"));
    element.click();
    new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(15))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
  }

  private static void screenshot(WebDriver d, String name) throws Exception {
    Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
    Files.copy(((TakesScreenshot) d).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(target)).isGreaterThan(1000);
  }

  @Test
  void tenant_a_sees_its_slos_and_cannot_reach_tenant_bs_pages() throws Exception {
    WebDriver d = browser();
    try {
      signIn(d, A_TOKEN);
      assertThat(d.getCurrentUrl()).endsWith("/portal/" + A);
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Service levels of ACME Logistik GmbH");
      assertThat(d.findElement(By.cssSelector("tr[data-slo='acme-logistik-chat-availability'] th")).getText())
          .isEqualTo("Chat availability (99.9 %)");
      assertThat(d.findElements(By.cssSelector("svg.chart"))).isNotEmpty();
      // the markup in the incident title is text on the page, not an element
      assertThat(d.findElement(By.cssSelector("tr[data-incident='" + f.incidentA + "']")).getText()).contains("<script>alert('xss')</script>");
      assertThat(d.findElements(By.cssSelector("main script"))).isEmpty();
      assertThat(d.getPageSource()).doesNotContain("Hanse");
      screenshot(d, "portal-tenant-a.png");

      d.get(f.base + "/portal/" + B);
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Not found.");
      assertThat(d.getPageSource()).doesNotContain("Hanse");
      d.get(f.base + "/portal/" + B + "/incidents/" + f.incidentB);
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Not found.");
      d.get(f.base + "/oncall");
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("You may not see this page.");

      // the language switch
      d.get(f.base + "/portal/" + A);
      clickAndWait(d, d.findElement(By.linkText("Deutsch")));
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Service-Level von ACME Logistik GmbH");
      screenshot(d, "portal-tenant-a-de.png");
    } finally {
      d.quit();
    }
  }

  @Test
  void the_oncall_console_acknowledges_an_incident_end_to_end() throws Exception {
    WebDriver d = browser();
    try {
      signIn(d, ONCALL_TOKEN);
      assertThat(d.getCurrentUrl()).endsWith("/oncall");
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("On-call console");
      clickAndWait(d, d.findElement(By.linkText(f.incidentB)));
      assertThat(d.findElement(By.cssSelector("dd[data-state]")).getAttribute("data-state")).isEqualTo("open");
      screenshot(d, "oncall-incident-before.png");
      clickAndWait(d, d.findElement(By.id("ack")));
      assertThat(d.findElement(By.cssSelector("p.notice")).getText()).isEqualTo(f.incidentB + " is now acknowledged.");
      assertThat(d.findElement(By.cssSelector("dd[data-state]")).getAttribute("data-state")).isEqualTo("acknowledged");
      assertThat(d.findElement(By.cssSelector("ol.timeline")).getText()).contains("token:demo-oncall: state open → acknowledged");
      assertThat(f.state(f.incidentB)).isEqualTo("acknowledged");
      screenshot(d, "oncall-incident-acknowledged.png");
    } finally {
      d.quit();
    }
  }
}
