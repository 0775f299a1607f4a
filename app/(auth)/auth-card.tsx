import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";

/** The card every auth page sits in: title, description, then the form. */
export function AuthCard({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">{children}</CardContent>
    </Card>
  );
}
