/** slamon bench. */
package io.slamon.bench;
