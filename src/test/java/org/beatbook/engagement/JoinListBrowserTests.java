package org.beatbook.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.beatbook.support.Browser;
import org.beatbook.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident in headless Chromium, on a phone-sized window: looks up an address, follows "join your district's list",
 * checks and confirms, opens the link from the mail GreenMail received, and sees the confirmation page.
 * Same properties as the lookup browser test, so both share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "beatbook.map.tile-url=")
class JoinListBrowserTests {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(360, 800);
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

    @Test
    void aResidentJoinsTheirDistrictListFromTheLookupAndConfirmsByMail() throws Exception {
        browser.get(url("/find?address=1340+S+Sawyer+Ave&lang=en"));
        var join = Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#join-list a")));
        assertThat(join.getText()).contains("District 10");
        join.click();

        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("name")));
        assertThat(browser.findElement(By.id("address")).getAttribute("value")).containsIgnoringCase("1340 S SAWYER");
        browser.findElement(By.id("name")).sendKeys("Rosa Browser");
        browser.findElement(By.id("email")).sendKeys("rosa.browser@example.org");
        browser.findElement(By.id("priority-traffic-safety")).click();
        browser.findElement(By.id("concern")).sendKeys("Speeding on Sawyer Ave near the school.");
        browser.findElement(By.id("consent")).click();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        var district = Browser.waitFor(browser).withMessage(() -> browser.getPageSource())
                .until(ExpectedConditions.presenceOfElementLocated(By.id("district")));
        assertThat(district.getText()).contains("District 10");
        browser.findElement(By.cssSelector("button[value=confirm]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Check your email"));

        String path = Inbox.confirmationPath(Inbox.await(mail, "rosa.browser@example.org", 1).get(0));
        browser.get(url(path));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You are on the list");
        assertThat(browser.findElement(By.cssSelector(".emergency")).getText()).contains("9-1-1");
    }
}
