package org.beatbook.newsletters;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.beatbook.BeatbookApplication;
import org.beatbook.geography.UnitKey;
import org.beatbook.newsletters.application.NewIssue;
import org.beatbook.newsletters.application.Newsletters;
import org.beatbook.support.ScriptedSmtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publishes one issue to 100,000 generated subscribers and delivers it to a local SMTP sink, measuring time and heap.
 * Run with bench/newsletters/run.sh (skipped in normal builds).
 */
@EnabledIfSystemProperty(named = "beatbook.bench", matches = "true")
class NewsletterDeliveryBenchmark {

    @Test
    void publishAndDeliverToOneHundredThousand() throws Exception {
        int recipients = Integer.getInteger("beatbook.bench.recipients", 100_000);
        int workers = Integer.getInteger("beatbook.bench.workers", 4);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (ScriptedSmtpServer sink = ScriptedSmtpServer.counting().start()) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(BeatbookApplication.class, TestSubscribers.class)
                    // arguments, not default properties: those lose against the test configuration's mail port
                    .run("--server.port=0", "--beatbook.demo.enabled=false",
                            "--beatbook.embedded-postgres.data-dir=target/bench-postgres-newsletters",
                            "--beatbook.embedded-postgres.clean=true",
                            "--spring.mail.port=" + sink.port(), "--beatbook.newsletters.delivery.rate-per-second=0",
                            "--beatbook.newsletters.delivery.workers=" + workers, "--db-scheduler.threads=" + workers,
                            "--logging.level.org.beatbook=WARN",
                            "--beatbook.newsletters.delivery.claim-batch=" + Integer.getInteger("beatbook.bench.claim-batch", 1));
            try {
                DeliveryRestartTests.districts(context);
                UnitKey district = new UnitKey("district", "7");
                context.getBean(TestSubscribers.TableSubscriberDirectory.class).generate(recipients, "en", district);
                JdbcClient jdbc = context.getBean(JdbcClient.class);
                Newsletters newsletters = context.getBean(Newsletters.class);
                long id = newsletters.create(new NewIssue("district", "7", "quarter", "2026-07", "en", "",
                        "## Benchmark\n\nA newsletter of ordinary length.\n\n" + "Lorem ipsum dolor sit amet. ".repeat(80)), "bench");
                newsletters.submitForReview(id);
                System.gc();
                long heapBefore = memory.getHeapMemoryUsage().getUsed();
                AtomicLong peak = new AtomicLong();
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(100);
                        }
                        catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.setDaemon(true);
                sampler.start();

                long start = System.nanoTime();
                newsletters.publish(id);
                long published = System.nanoTime();
                long deadline = start + Duration.ofMinutes(5).toNanos();
                while (sink.accepted() < recipients && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                // done when the outbox says so too: the last claimed batch is marked sent when its transaction ends
                long pending;
                while ((pending = jdbc.sql("select count(*) from newsletter_outbox where issue_id = ? and status <> 'sent'")
                        .param(id).query(Long.class).single()) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                long delivered = System.nanoTime();
                sampler.interrupt();
                System.gc();
                long heapAfter = memory.getHeapMemoryUsage().getUsed();
                System.out.printf("BENCH recipients=%d workers=%d claim-batch=" + Integer.getInteger("beatbook.bench.claim-batch", 1) + " publish(outbox written)=%.2fs delivered=%d in %.2fs "
                                + "(%.0f msg/s) not-sent=%d heap: before=%dMB peak=%dMB after-gc=%dMB max=%dMB%n",
                        recipients, workers, (published - start) / 1e9, sink.accepted(), (delivered - start) / 1e9,
                        sink.accepted() / ((delivered - start) / 1e9), pending, heapBefore >> 20, peak.get() >> 20,
                        heapAfter >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
            }
            finally {
                context.close();
            }
        }
    }
}
