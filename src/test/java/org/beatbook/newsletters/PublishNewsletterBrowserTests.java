package org.beatbook.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.beatbook.geography.UnitKey;
import org.beatbook.support.Browser;
import org.beatbook.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/** Staff sign in, write an issue, publish it and watch the htmx progress reach 100 % in headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "beatbook.embedded-postgres.data-dir=target/test-postgres-newsletters-browser", "beatbook.demo.enabled=false",
        "beatbook.newsletters.delivery.rate-per-second=20", "beatbook.map.tile-url="})
@Import(TestSubscribers.class)
class PublishNewsletterBrowserTests {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TestSubscribers.TableSubscriberDirectory subscribers;

    @Autowired
    ConfigurableApplicationContext context;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(390, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void staffPublishAndSeeDeliveryReachOneHundredPercent() throws Exception {
        DeliveryRestartTests.districts(context);
        for (int i = 0; i < 40; i++) {
            subscribers.add("browser" + i + "@d12.example", "en", new UnitKey("district", "12"));
        }
        browser.get("http://localhost:" + port + "/login?lang=en");
        browser.findElement(By.id("username")).sendKeys("test-admin");
        browser.findElement(By.id("password")).sendKeys("test-only-password-not-for-production");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.get("http://localhost:" + port + "/staff/newsletters?lang=en");

        new Select(browser.findElement(By.id("level"))).selectByValue("district");
        browser.findElement(By.id("units")).sendKeys("12");
        browser.findElement(By.id("body")).sendKeys("## Welcome\n\nMeet your **officers**.");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "Welcome"));
        assertThat(browser.findElement(By.cssSelector("#preview strong")).getText()).isEqualTo("officers");
        browser.findElement(By.cssSelector("form[action$='/staff/newsletters'] button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBe(By.id("status"), "Draft"));
        browser.findElement(By.cssSelector("form[action$='/review'] button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "In review"));
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Published"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-counts"), "Sent 40, pending 0, failed 0 of 40"));
        assertThat(browser.findElement(By.cssSelector("label[for=progress-bar]")).getText()).isEqualTo("Delivered: 100 %");
        assertThat(mail.getReceivedMessagesForDomain("d12.example")).hasSize(40);
    }
}
