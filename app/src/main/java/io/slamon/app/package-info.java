/**
 * The {@code slamon} command line and the wiring of modules into a running process. No domain
 * logic lives here: commands parse arguments, build the modules and print what happens.
 */
package io.slamon.app;
