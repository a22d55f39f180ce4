package io.slamon.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Failure injection for writers: a {@link DataSource} whose connections commit normally, except
 * that the next {@code commit()} after {@link #failNextCommit} throws (and the work is rolled back)
 * as when the database goes away mid-transaction.
 */
final class FailingDataSource implements DataSource {
  private final DataSource delegate;
  private volatile boolean failNextCommit;

  FailingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  void failNextCommit() {
    failNextCommit = true;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection real = delegate.getConnection();
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("commit") && failNextCommit) {
            failNextCommit = false;
            real.rollback();
            throw new SQLException("injected: the connection broke during commit", "08006");
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLException("not supported");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("slamon.test");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
