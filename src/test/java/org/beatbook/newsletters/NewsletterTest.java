package org.beatbook.newsletters;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one context all newsletter integration tests share: its own database with the Chicago demo (real districts
 * and officers) and the table-backed subscriber directory; no rate limit so tests run fast.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"beatbook.embedded-postgres.data-dir=target/test-postgres-newsletters",
        "beatbook.newsletters.delivery.rate-per-second=0"})
@AutoConfigureMockMvc
@Import(TestSubscribers.class)
@interface NewsletterTest {
}
