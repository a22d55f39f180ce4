/** slamon core. */
package io.slamon.core;
