/**
 * The slamon configuration model and its validation. Entry point: {@link
 * io.slamon.core.config.ConfigLoader#load(java.nio.file.Path)}, which reads a config directory
 * ({@code slamon.yaml}, {@code tenants/}, {@code scrape/}, {@code slos/}) into a {@link
 * io.slamon.core.config.SlamonConfig} or a list of {@link io.slamon.core.config.ConfigProblem}s.
 * The reference for every field is {@code docs/configuration.md}.
 */
package io.slamon.core.config;
