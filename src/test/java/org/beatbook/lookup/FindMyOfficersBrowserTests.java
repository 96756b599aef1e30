package org.beatbook.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.beatbook.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A resident on the public page, in headless Chromium, against the Chicago demo. Map tiles are off (no network). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "beatbook.map.tile-url=")
class FindMyOfficersBrowserTests {

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

    @Test
    void aResidentTypesAnAddressPicksASuggestionAndSeesTheirOfficers() {
        browser.get(url("/?lang=en"));
        WebElement address = browser.findElement(By.id("address"));
        address.sendKeys("1340 s sawyer");
        WebElement suggestion = Browser.waitFor(browser).until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#suggestions li a, #suggestions li button")));
        assertThat(suggestion.getText()).containsIgnoringCase("SAWYER");
        suggestion.click();

        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result .cards .card")));
        String result = browser.findElement(By.id("result")).getText();
        assertThat(result).contains("Beat 1022").contains("District 10");
        List<WebElement> cards = browser.findElements(By.cssSelector("#result .cards .card"));
        assertThat(cards).hasSizeGreaterThanOrEqualTo(3);
        assertThat(cards.get(0).getText()).contains("Demo");
        assertThat(browser.findElement(By.cssSelector(".emergency")).getText()).contains("9-1-1");
    }

    @Test
    void aResidentClicksTheMapAndSeesTheBeat() {
        browser.get(url("/?lang=en"));
        WebElement map = Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("map")));
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map path.leaflet-interactive")));
        new Actions(browser).moveToElement(map).click().perform();

        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Beat "));
        assertThat(browser.findElement(By.cssSelector("#result .chain")).getText()).contains("District").contains("Beat");
        assertThat(browser.getCurrentUrl()).contains("lat=").contains("lon=");
    }

    @Test
    void theSpanishPageShowsSpanishText() {
        browser.get(url("/?lang=es"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("¿Quiénes son los agentes de mi vecindario?");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.cssSelector(".emergency")).getText()).contains("Llame al 9-1-1");
        assertThat(browser.findElement(By.cssSelector("label[for=address]")).getText()).contains("Su dirección");
        browser.get(url("/?lang=en"));
    }

    @Test
    void onA360PixelPhoneNothingScrollsSideways() {
        ChromeDriver phone = Browser.start(360, 740);
        try {
            phone.get(url("/find?address=1340+S+Sawyer+Ave&lang=en"));
            Long overflow = (Long) phone.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0L);
            assertThat(phone.findElement(By.id("result")).getText()).contains("Beat 1022");
        }
        finally {
            phone.quit();
        }
    }
}
