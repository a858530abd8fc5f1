/**
 * The balancer's nginx.conf, generated into a temp dir: nginx in the foreground, no root, every path
 * of its own under `dir`.
 */
export function nginxConf(opts: { dir: string; listen: string; upstreams: string[]; exposeUpstream?: boolean }): string {
  const proxy = `proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Next fills in X-Forwarded-Port with its own port when absent; Auth.js would then build its
      # callback URL on the instance's port instead of the balancer's.
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Port $server_port;
      proxy_connect_timeout 2s;${opts.exposeUpstream ? "\n      add_header X-Upstream $upstream_addr always;" : ""}`;
  return `worker_processes 1;
daemon off;
pid ${opts.dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${opts.dir}/client_body;
  proxy_temp_path ${opts.dir}/proxy;
  fastcgi_temp_path ${opts.dir}/fastcgi;
  uwsgi_temp_path ${opts.dir}/uwsgi;
  scgi_temp_path ${opts.dir}/scgi;
  client_max_body_size 10m;
  # Sign-in answers carry several encrypted Auth.js cookies: more header than nginx's default 4 KB buffer.
  proxy_buffer_size 32k;
  proxy_buffers 8 32k;
  proxy_busy_buffers_size 64k;
  upstream app {
    # An instance that fails is left out for 5 s, then tried again: a restarted one rejoins on its own.
${opts.upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 64;
    # Below Node's 5 s keep-alive, so nginx never reuses a socket the instance is closing.
    keepalive_timeout 4s;
  }
  server {
    listen ${opts.listen};
    location / {
      ${proxy}
      # Reads, and POSTs whose request never reached an instance (connection refused), go to the other one.
      proxy_next_upstream error timeout;
    }
    # The citizen's confirm and amend (the form's server action on the dossier page, and the JSON route
    # offline replays use) carry an idempotency key: a POST an instance took and then died on is safe
    # to send again, the database answers the replay with the first result.
    location ~ ^/(dossiers/[^/]+|api/v1/dossiers/[^/]+/actions)$ {
      ${proxy}
      proxy_next_upstream error timeout non_idempotent;
    }
    # The status stream: no buffering, held open for long.
    location = /api/v1/dossiers/stream {
      ${proxy}
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
  }
}
`;
}
