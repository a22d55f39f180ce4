/**
 * Not API: the located YAML tree, the validating field cursor and the per-file readers behind
 * {@link io.slamon.core.config.ConfigLoader}.
 */
package io.slamon.core.internal;
