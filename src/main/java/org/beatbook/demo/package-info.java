/**
 * Demo: loads the Chicago demo (districts, sectors, beats, fictitious officers, gazetteer) on first start when
 * {@code beatbook.demo.enabled=true}. Only uses the other modules' public APIs, like a department would.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.beatbook.demo;
