package org.beatbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.beatbook.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A staff member signs in and walks the staff pages on the Chicago demo, in headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "beatbook.map.tile-url=")
class StaffBrowserTests {

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void staffSignInAndSeeBoundariesMembersAndStaffing() throws Exception {
        browser.get("http://localhost:" + port + "/staff?lang=en");
        assertThat(browser.getCurrentUrl()).as("sign-in required").contains("/login");
        browser.findElement(By.id("username")).sendKeys("test-admin");
        browser.findElement(By.id("password")).sendKeys("test-only-password-not-for-production");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();

        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/staff"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Staff");
        snapshot("staff-home");

        browser.findElement(By.linkText("Boundaries and levels")).click();
        String geography = browser.findElement(By.id("main")).getText();
        assertThat(geography).contains("District").contains("Sector").contains("Beat").contains("275");
        snapshot("staff-geography");

        browser.get("http://localhost:" + port + "/staff/personnel");
        assertThat(browser.findElement(By.id("main")).getText()).contains("D10000");
        snapshot("staff-personnel");

        browser.get("http://localhost:" + port + "/staff/personnel/staffing");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        snapshot("staff-staffing");
    }

    /** Screenshots land in target/screenshots for a person to look at; nothing asserts on pixels. */
    private static void snapshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
