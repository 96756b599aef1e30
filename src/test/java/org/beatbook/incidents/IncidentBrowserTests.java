package org.beatbook.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.beatbook.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public dashboard and the staff trend page in headless Chromium on the Chicago demo (map tiles off: no
 * network). Same properties as the lookup browser tests, so the server context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "beatbook.map.tile-url=")
class IncidentBrowserTests {

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    boolean chartDrawn(String id) {
        return Boolean.TRUE.equals(browser.executeScript(
                "return typeof Chart !== 'undefined' && Chart.getChart(document.getElementById(arguments[0])) != null", id));
    }

    @Test
    void aResidentSeesTheDistrictDashboardWithChartTableAndGeneralisedPoints() {
        browser.get(url("/incidents?lang=en&unit=district:4"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Reported crime in District 4");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("initially reported");
        Browser.waitFor(browser).until(d -> chartDrawn("weekly-chart"));
        assertThat(browser.findElements(By.cssSelector("#weekly tbody tr"))).isNotEmpty();
        assertThat(browser.findElement(By.id("public-counts")).getText()).contains("Sensitive offenses");
        Browser.waitFor(browser).until(ExpectedConditions.attributeToBeNotEmpty(
                browser.findElement(By.id("incident-map")), "data-loaded"));
        assertThat(Integer.parseInt(browser.findElement(By.id("incident-map")).getDomAttribute("data-loaded")))
                .isGreaterThan(100);
        assertThat(browser.findElements(By.cssSelector("#incident-map path.leaflet-interactive"))).hasSizeGreaterThan(100);
        // Choosing a beat with the plain form.
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("unit"))).selectByVisibleText("Beat 0422");
        browser.findElement(By.cssSelector("form button[type=submit].button")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Reported crime in Beat 0422"));
        assertThat(browser.findElement(By.id("public-counts")).getText()).doesNotContain("Sensitive offenses");
    }

    void signIn() {
        browser.get(url("/login?lang=en"));
        browser.findElement(By.id("username")).sendKeys("test-admin");
        browser.findElement(By.id("password")).sendKeys("test-only-password-not-for-production");
        browser.findElement(By.id("password")).submit();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/staff"));
    }

    @Test
    void anAdministratorUploadsAFileAndWatchesItsImportReachDone() {
        signIn();
        browser.get(url("/staff/incidents?lang=en"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("profile"))).selectByVisibleText("chicago");
        browser.findElement(By.id("file")).sendKeys(java.nio.file.Path.of("src/main/resources", ChicagoCrimes.FILE)
                .toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlMatches("/staff/incidents/imports/\\d+"));
        // htmx polls the status until the import is done; the live region then carries the report.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofMinutes(2)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("import-state"), "Imported:"));
        assertThat(browser.findElement(By.id("import-bar")).getDomProperty("value")).isEqualTo("100");
        assertThat(browser.findElement(By.id("import-state")).getDomAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.findElement(By.id("rows-read")).getText()).isEqualTo(
                Integer.toString(ChicagoCrimes.rows().size()));
        assertThat(browser.findElements(By.linkText("Refresh"))).isEmpty();
    }

    @Test
    void staffSeeCompStatDrillDownChartsAndHotSpots() {
        signIn();
        browser.get(url("/staff/incidents/trends?lang=en"));
        assertThat(browser.findElement(By.cssSelector("#compstat caption")).getText()).contains("2015-02-08");
        Browser.waitFor(browser).until(d -> chartDrawn("series-chart"));
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#choropleth path.leaflet-interactive")));
        List<WebElement> hot = browser.findElements(By.cssSelector("#hot-cells tbody tr"));
        assertThat(hot).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#hotspots path.leaflet-interactive")).size())
                .isGreaterThan(hot.size());
        browser.findElement(By.linkText("District 4")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("compstat"), "Sector 042"));
        browser.findElement(By.linkText("Sector 042")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("compstat"), "Beat 0422"));
    }
}
