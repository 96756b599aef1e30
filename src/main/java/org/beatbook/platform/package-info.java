/**
 * What every module may use: console commands, the embedded database, web conventions (layout, languages,
 * problem details). Holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.beatbook.platform;
