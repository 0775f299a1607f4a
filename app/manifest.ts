// /manifest.webmanifest: the installable-app card (name, icons from public/, colours of the
// design tokens in app/globals.css). Next links it from every page's <head>.
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Helpdesk",
    short_name: "Helpdesk",
    start_url: "/",
    display: "standalone",
    background_color: "#f6f7f9",
    theme_color: "#4853e0",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icon-192.png", type: "image/png", sizes: "192x192" },
      { src: "/icon-512.png", type: "image/png", sizes: "512x512" },
    ],
  };
}
